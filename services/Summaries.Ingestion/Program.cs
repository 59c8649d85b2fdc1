using Summaries.Ingestion;
using Summaries.Ingestion.Grpc;
using Summaries.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("summaries.ingestion.v1.IngestionService", defaultPort: 5101);
builder.AddIngestionService();

var app = builder.Build();
app.MapGrpcService<IngestionGrpcService>();
app.MapServiceDefaults();
await app.RunAsync();

/// <summary>Entry point; public so tests can host the service in memory.</summary>
public partial class Program;
