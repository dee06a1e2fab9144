using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Nastavnik.Benchmarks -- --filter '*Deadline*'
BenchmarkSwitcher.FromAssembly(typeof(Nastavnik.Benchmarks.DeadlineParserBenchmarks).Assembly).Run(args);
