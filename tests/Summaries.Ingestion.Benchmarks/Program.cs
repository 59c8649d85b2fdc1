using Summaries.Ingestion.Benchmarks;

// Usage (see README.md):
//   dotnet run -c Release --project tests/Summaries.Ingestion.Benchmarks -- [--count 2000] [--window 64] [--mode stream|unary] [--concurrency 8]
//   ... -- echo-server --port 5199      (what the benchmark starts by itself as the no-op side)
return args.Length > 0 && args[0] == "echo-server"
    ? await EchoServer.RunAsync(BenchmarkOptions.Parse(args[1..]))
    : await Benchmark.RunAsync(BenchmarkOptions.Parse(args));
