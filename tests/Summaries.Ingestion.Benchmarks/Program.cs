using System.CommandLine;
using Summaries.Ingestion.Benchmarks;

// Usage (see README.md; '--help' lists the options):
//   dotnet run -c Release --project tests/Summaries.Ingestion.Benchmarks -- [--count 2000] [--window 64] [--mode stream|unary] [--concurrency 8]
//   ... -- echo-server --port 5199      (what the benchmark starts by itself as the no-op side)
return await BenchmarkCommandLine.Create(Benchmark.RunAsync, EchoServer.RunAsync).Parse(args).InvokeAsync();
