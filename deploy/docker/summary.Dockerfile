# syntax=docker/dockerfile:1
# Summary service (summaries.summary.v1.SummaryService, gRPC h2c on 5103). Prompts/ is published next to the dll.
# Build context = repository root (one proto tree, no copies):
#   docker build -f deploy/docker/summary.Dockerfile -t summaries/summary:0.1.0 .
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
COPY services/Summaries.Summary/Summaries.Summary.csproj services/Summaries.Summary/packages.lock.json services/Summaries.Summary/
RUN dotnet restore services/Summaries.Summary/Summaries.Summary.csproj -a $TARGETARCH --locked-mode
COPY protos/ protos/
COPY services/Summaries.Contracts/ services/Summaries.Contracts/
COPY services/Summaries.ServiceDefaults/ services/Summaries.ServiceDefaults/
COPY services/Summaries.Summary/ services/Summaries.Summary/
RUN dotnet publish services/Summaries.Summary/Summaries.Summary.csproj -c Release -a $TARGETARCH --no-restore -o /app \
 && mkdir -p /rootfs/data

# ---- runtime: chiseled (distroless) ASP.NET Core, no shell, no package manager
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build --chown=1654:1654 /rootfs/data /data
COPY --from=build /app ./
ENV Service__Host="*" \
    Service__Port=5103 \
    ConnectionStrings__Summary="Data Source=/data/summary.db" \
    ASPNETCORE_HTTP_PORTS=""
VOLUME ["/data", "/tmp"]
EXPOSE 5103
USER 1654:1654
ENTRYPOINT ["/app/Summaries.Summary"]
