// Runs the whole system locally: entity (5102), ingestion (5101, loads seeds/), summary (5103).
// Each service listens on its own fixed h2c port, so grpcurl works against the usual addresses.
var builder = DistributedApplication.CreateBuilder(args);
var seeds = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", "..", "seeds"));

var entity = builder.AddProject<Projects.Summaries_Entity>("entity")
    .WithEnvironment("Service__Port", "5102");

var ingestion = builder.AddProject<Projects.Summaries_Ingestion>("ingestion")
    .WithEnvironment("Service__Port", "5101")
    .WithEnvironment("Clients__EntityService__Address", "http://localhost:5102")
    .WithEnvironment("Seeds__Directory", seeds)
    .WaitFor(entity);

builder.AddProject<Projects.Summaries_Summary>("summary")
    .WithEnvironment("Service__Port", "5103")
    .WithEnvironment("Clients__IngestionAddress", "http://localhost:5101")
    .WithEnvironment("Clients__EntityAddress", "http://localhost:5102")
    .WithEnvironment("Llm__Provider", builder.Configuration["Llm:Provider"] ?? "None")
    .WithEnvironment("Llm__Endpoint", builder.Configuration["Llm:Endpoint"] ?? string.Empty)
    .WithEnvironment("Llm__Model", builder.Configuration["Llm:Model"] ?? string.Empty)
    .WithEnvironment("Llm__ApiKey", builder.Configuration["Llm:ApiKey"] ?? string.Empty)
    .WaitFor(ingestion);

builder.Build().Run();
