# syntax=docker/dockerfile:1
# Entity service (summaries.entity.v1.EntityService, gRPC h2c on 5102).
# Build context = repository root (one proto tree, no copies):
#   docker build -f deploy/docker/entity.Dockerfile -t summaries/entity:0.1.0 .
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
COPY services/Summaries.Language/Summaries.Language.csproj services/Summaries.Language/packages.lock.json services/Summaries.Language/
COPY services/Summaries.Entity/Summaries.Entity.csproj services/Summaries.Entity/packages.lock.json services/Summaries.Entity/
RUN dotnet restore services/Summaries.Entity/Summaries.Entity.csproj -a $TARGETARCH --locked-mode
COPY protos/ protos/
COPY services/Summaries.Contracts/ services/Summaries.Contracts/
COPY services/Summaries.ServiceDefaults/ services/Summaries.ServiceDefaults/
COPY services/Summaries.Language/ services/Summaries.Language/
COPY services/Summaries.Entity/ services/Summaries.Entity/
RUN dotnet publish services/Summaries.Entity/Summaries.Entity.csproj -c Release -a $TARGETARCH --no-restore -o /app \
 && mkdir -p /rootfs/data

# ---- runtime: chiseled (distroless) ASP.NET Core, no shell, no package manager
FROM mcr.microsoft.com/dotnet/aspnet:10.0.12-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build --chown=1654:1654 /rootfs/data /data
COPY --from=build /app ./
ENV Service__Host="*" \
    Service__Port=5102 \
    ConnectionStrings__Entity="Data Source=/data/entity.db" \
    ASPNETCORE_HTTP_PORTS=""
VOLUME ["/data", "/tmp"]
EXPOSE 5102
USER 1654:1654
ENTRYPOINT ["/app/Summaries.Entity"]
