using Summaries.Entity;
using Summaries.Entity.Grpc;
using Summaries.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("summaries.entity.v1.EntityService", defaultPort: 5102);
builder.AddEntityService();

var app = builder.Build();
app.MapGrpcService<EntityGrpcService>();
app.MapServiceDefaults();
app.Run();

/// <summary>Entry point; public so tests can host the service in memory.</summary>
public partial class Program;
