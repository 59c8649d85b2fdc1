# syntax=docker/dockerfile:1
# Ingestion service (summaries.ingestion.v1.IngestionService, gRPC h2c on 5101).
# Build context = repository root (one proto tree, no copies):
#   docker build -f deploy/docker/ingestion.Dockerfile -t summaries/ingestion:0.1.0 .
# Runs as UID 1654 on a read-only root filesystem; /data and /tmp are the only writable paths.

# ---- build: restore from project files first so the package layer survives source edits
FROM --platform=$BUILDPLATFORM mcr.microsoft.com/dotnet/sdk:10.0.401-noble AS build
ARG TARGETARCH
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
# services/Directory.Build.props: the runtime settings every service is measured with (GC, tiering).
COPY services/Directory.Build.props services/
COPY services/Summaries.Contracts/Summaries.Contracts.csproj services/Summaries.Contracts/packages.lock.json services/Summaries.Contracts/
COPY services/Summaries.ServiceDefaults/Summaries.ServiceDefaults.csproj services/Summaries.ServiceDefaults/packages.lock.json services/Summaries.ServiceDefaults/
COPY services/Summaries.Ingestion/Summaries.Ingestion.csproj services/Summaries.Ingestion/packages.lock.json services/Summaries.Ingestion/
RUN dotnet restore services/Summaries.Ingestion/Summaries.Ingestion.csproj -a $TARGETARCH --locked-mode
COPY protos/ protos/
COPY services/Summaries.Contracts/ services/Summaries.Contracts/
COPY services/Summaries.ServiceDefaults/ services/Summaries.ServiceDefaults/
COPY services/Summaries.Ingestion/ services/Summaries.Ingestion/
RUN dotnet publish services/Summaries.Ingestion/Summaries.Ingestion.csproj -c Release -a $TARGETARCH --no-restore -o /app \
 && mkdir -p /rootfs/data

# ---- runtime: chiseled (distroless) ASP.NET Core, no shell, no package manager; the -extra
# variant ships ICU, which cleaning's Unicode normalisation needs (InvariantGlobalization=false)
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build --chown=1654:1654 /rootfs/data /data
COPY --from=build /app ./
# Example articles; loaded at start only when Seeds__Enabled=true.
COPY seeds/ ./seeds/
ENV Service__Host="*" \
    Service__Port=5101 \
    ConnectionStrings__Ingestion="Data Source=/data/ingestion.db" \
    ASPNETCORE_HTTP_PORTS=""
VOLUME ["/data", "/tmp"]
EXPOSE 5101
USER 1654:1654
ENTRYPOINT ["/app/Summaries.Ingestion"]
