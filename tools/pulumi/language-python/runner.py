# The Python side of our pulumi-language-python (tools/pulumi/language-python): the host runs
#
#   <python of the program's virtualenv, else python3> runner.py --monitor ... --engine ... PROGRAM [ARGS...]
#
# with PULUMI_CONFIG / PULUMI_CONFIG_SECRET_KEYS in the environment. This script connects the
# program's `pulumi` package (from PyPI, installed by the program's requirements) to the engine and
# runs PROGRAM (a directory with __main__.py, or a file) as __main__ inside the root stack resource.
#
# Exit codes the host reads: 0 done; 32 failed, and the error has been shown to the user (through
# the engine's log, as an error of the stack); anything else failed without a message (the host says
# so).
#
# The host embeds this file in its executable and writes it to a temporary directory for each run.

import argparse
import asyncio
import logging
import os
import runpy
import signal
import sys
import traceback
from concurrent.futures import ThreadPoolExecutor

ERROR_SHOWN = 32

# What the pulumi package raises (as a RunError) when a resource RPC finds the engine's resource
# monitor gone: the engine stopped the deployment, and reports why itself (a failed step, most often).
MONITOR_GONE = "Resource monitor has terminated, shutting down"

# The pulumi package these options need: Settings(organization=, root_directory=) and set_all_config.
OLDEST_PULUMI = "3.120.0"


def parse_arguments(argv):
    parser = argparse.ArgumentParser(prog="pulumi-language-python runner")
    for flag in ("monitor", "engine", "project", "stack", "organization", "root_directory",
                 "pwd", "dry_run", "parallel", "tracing"):
        parser.add_argument("--" + flag)
    parser.add_argument("program")
    parser.add_argument("args", nargs="*")
    return parser.parse_args(argv)


def import_pulumi():
    """The program's pulumi package, or None after telling the user how to install it."""
    try:
        import pulumi  # noqa: F401
        import pulumi.runtime  # noqa: F401

        return pulumi
    except ImportError:
        traceback.print_exc()
        print(
            f"\nThe pulumi package is not installed for {sys.executable}.\n"
            "Run `pulumi install` (it creates the virtualenv of Pulumi.yaml's `virtualenv` option and installs "
            "requirements.txt into it), or `pip install -r requirements.txt` in the Python that runs the program.",
            file=sys.stderr,
        )
        return None


def user_traceback(error, main_file):
    """The traceback of an exception raised by the program, from the program's main file on: the
    frames of this runner, runpy and the pulumi package that called it are no help to the user."""
    frames = traceback.extract_tb(error.__traceback__)
    first = next((i for i, frame in enumerate(frames) if os.path.abspath(frame.filename) == main_file), 0)
    lines = ["Traceback (most recent call last):\n"]
    lines += traceback.format_list(frames[first:])
    lines += traceback.format_exception_only(type(error), error)
    return "".join(lines)


def stop_quietly(signum, frame):
    """SIGINT: the engine stopped the program (a step failed, or the user pressed Ctrl-C) and reports
    why itself. A KeyboardInterrupt raised into whatever the program was doing (a gRPC call, mostly)
    would only bury that under tracebacks; the resources are the engine's to record, not ours."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(ERROR_SHOWN)


def main(argv):
    signal.signal(signal.SIGINT, stop_quietly)
    options = parse_arguments(argv)
    pulumi = import_pulumi()
    if pulumi is None:
        return 1

    pulumi.runtime.set_all_config(
        pulumi.runtime.get_config_env(), pulumi.runtime.get_config_secret_keys_env()
    )
    parallel = int(options.parallel) if options.parallel else None
    try:
        settings = pulumi.runtime.Settings(
            project=options.project,
            stack=options.stack,
            monitor=options.monitor,
            engine=options.engine,
            parallel=parallel,
            dry_run=options.dry_run == "true",
            organization=options.organization,
            root_directory=options.root_directory,
        )
    except TypeError as error:
        print(
            f"The pulumi package installed for {sys.executable} is too old for this language host ({error}): "
            f"require pulumi>={OLDEST_PULUMI} in requirements.txt and run `pulumi install`.",
            file=sys.stderr,
        )
        return 1
    pulumi.runtime.configure(settings)

    if options.pwd:
        os.chdir(options.pwd)
    sys.argv = [options.program] + options.args
    if os.path.isdir(options.program):
        program_dir = os.path.abspath(options.program)
        main_file = os.path.join(program_dir, "__main__.py")
    else:
        main_file = os.path.abspath(options.program)
        program_dir = os.path.dirname(main_file)
    # The program's own imports (helper modules beside __main__.py) resolve from its directory.
    sys.path.insert(0, program_dir)

    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    # The SDK sends its resource RPCs from the loop's default executor: as many threads as the engine
    # runs resource operations at once (--parallel), four each, as the upstream host's runner does.
    executor = ThreadPoolExecutor(max_workers=4 * max(parallel or 1, 1))
    loop.set_default_executor(executor)
    # A failed program leaves futures of the resource graph unobserved; asyncio's complaints about
    # them would bury the one error that matters.
    logging.getLogger("asyncio").setLevel(logging.CRITICAL)

    def run_program():
        runpy.run_path(options.program, run_name="__main__")

    code = ERROR_SHOWN
    try:
        loop.run_until_complete(pulumi.runtime.run_in_stack(run_program))
        code = 0
    except pulumi.RunError as error:
        # The program's way of failing with a message and no traceback; or the engine's monitor is
        # gone, and the engine has said why.
        if str(error) != MONITOR_GONE:
            pulumi.log.error(str(error))
    except ImportError as error:
        if not os.path.exists(main_file):
            pulumi.log.error(f"{program_dir} has no __main__.py: it is what `pulumi` runs (or set `main` in Pulumi.yaml)")
        else:
            pulumi.log.error("Program failed with an unhandled exception:\n" + user_traceback(error, main_file))
    except Exception as error:  # noqa: BLE001 -- whatever the program raised fails the update with its traceback
        pulumi.log.error("Program failed with an unhandled exception:\n" + user_traceback(error, main_file))
    finally:
        executor.shutdown(wait=True)
        loop.close()
        sys.stdout.flush()
        sys.stderr.flush()
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
