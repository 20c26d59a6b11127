// Preloaded (`node --require`) into the program's and the provider's node processes when the engine
// benchmark profiles them (BENCH_CPU_PROF): the engine ends the dynamic provider with a signal, and a
// process that a signal ends writes no `--cpu-prof` profile; one that exits on it does.
for (const signal of ["SIGINT", "SIGTERM"]) process.once(signal, () => process.exit(128));
