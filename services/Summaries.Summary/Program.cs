using Summaries.ServiceDefaults.Hosting;
using Summaries.Summary;
using Summaries.Summary.Grpc;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("summaries.summary.v1.SummaryService", defaultPort: 5103);
builder.AddSummaryService();

var app = builder.Build();
app.MapGrpcService<SummaryGrpcService>();
app.MapServiceDefaults();
app.LogActiveEngine();
app.Run();

/// <summary>Entry point; public so tests can host the service in memory.</summary>
public partial class Program;
