# The Caduceus gateway as a container image: built with the .NET SDK, run on Microsoft's chiselled ASP.NET Core
# runtime (Ubuntu 24.04, no shell, no package manager), as the image's non-root user 'app' (uid 1654), and meant to
# run with a read-only root filesystem: all state goes to /data (a volume) or to PostgreSQL and Redis.
#   docker build -t caduceus .
#   docker run --read-only --tmpfs /tmp -v caduceus-data:/data -p 8080:8080 caduceus
# The same image runs the test model: docker run caduceus test-model --urls http://0.0.0.0:8081

FROM mcr.microsoft.com/dotnet/sdk:10.0-noble AS build
WORKDIR /source
# global.json pins the SDK of the development machines; the image's SDK is the one this stage names.
COPY Directory.Build.props Directory.Packages.props Caduceus.slnx .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Caduceus.Cli/Caduceus.Cli.csproj -c Release -o /app --nologo \
    && mkdir -p /data-skeleton

FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled-extra AS runtime
WORKDIR /app
COPY --from=build /app ./
COPY --from=build --chown=1654:1654 /data-skeleton /data
USER 1654:1654
ENV CADUCEUS_DataDirectory=/data \
    CADUCEUS_Urls=http://0.0.0.0:8080 \
    DOTNET_EnableDiagnostics=0
VOLUME ["/data"]
EXPOSE 8080
ENTRYPOINT ["dotnet", "/app/caduceus.dll"]
CMD ["serve"]
