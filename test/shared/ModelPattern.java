import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The AWS model's patterns are Java regular expressions: this answers, with java.util.regex itself,
 * whether a value matches one. Input: one line per question, "<pattern>\t<value>", each base64 of its
 * UTF-8 text (so that tabs, line separators and any character travel intact). Output: one line per
 * question, "match", "no match" or "error <message>" when the pattern does not compile.
 *
 * The match is of the whole value (Matcher.matches), as the service applies the patterns: the model's
 * patterns are mostly unanchored, and searched for anywhere they would accept every value.
 */
public final class ModelPattern {
  public static void main(String[] args) throws Exception {
    Base64.Decoder base64 = Base64.getDecoder();
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder();
    String line;
    while ((line = in.readLine()) != null) {
      if (line.isEmpty()) continue;
      String[] parts = line.split("\t", -1);
      String pattern = new String(base64.decode(parts[0]), StandardCharsets.UTF_8);
      String value = new String(base64.decode(parts[1]), StandardCharsets.UTF_8);
      try {
        out.append(Pattern.compile(pattern).matcher(value).matches() ? "match" : "no match");
      } catch (PatternSyntaxException e) {
        out.append("error ").append(e.getDescription());
      }
      out.append('\n');
    }
    System.out.print(out);
  }
}
