using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// Checks every call's API key before anything else runs (rate limits, gRPC, reflection, health).
/// A call without an accepted key ends UNAUTHENTICATED unless its service is anonymous. The key id
/// joins the log scope (<c>ClientId</c>) and the request's activity (<c>summaries.client.id</c>);
/// the key itself is neither logged nor echoed. With <see cref="AuthOptions.AcceptClientCertificates"/>,
/// a call without a key is identified by the common name of the client certificate TLS verified.
/// </summary>
public sealed partial class ApiKeyAuthenticationMiddleware(
    RequestDelegate next, IOptions<AuthOptions> options, ILogger<ApiKeyAuthenticationMiddleware> logger)
{
    public const string ActivityTag = "summaries.client.id";

    private readonly ApiKeyAuthenticator _authenticator = new(options.Value.Keys);
    private readonly IReadOnlySet<string> _anonymous = options.Value.EffectiveAnonymousServices;
    private readonly bool _acceptCertificates = options.Value.AcceptClientCertificates;

    public async Task InvokeAsync(HttpContext context)
    {
        var presented = PresentedApiKey.From(context.Request.Headers);
        var keyId = _authenticator.Identify(presented);
        var principal = keyId is not null ? CallerIdentity.For(keyId) : null;
        if (principal is null && presented is null && _acceptCertificates
            && CallerIdentity.CertificateNameOf(context.Connection.ClientCertificate) is { } certificateName)
        {
            // Kestrel accepted the connection only after the certificate chained to Service:Tls:ClientCaPath.
            keyId = certificateName;
            principal = CallerIdentity.ForCertificate(certificateName);
        }

        if (principal is null || keyId is null)
        {
            var service = GrpcServices.ServiceOf(context.Request.Path);
            if (_anonymous.Contains(service))
            {
                await next(context);
                return;
            }

            var status = presented is null
                ? RpcErrors.UnauthenticatedStatus("API_KEY_MISSING",
                    $"{(service.Length > 0 ? service : "This service")} requires an API key: send it as 'x-api-key: <key>' or 'authorization: Bearer <key>'.")
                : RpcErrors.UnauthenticatedStatus("API_KEY_INVALID", "The API key sent is not accepted by this service.");
            LogRejected(logger, service, presented is null ? "missing" : "not accepted", context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            await GrpcErrorResponse.WriteAsync(context, status);
            return;
        }

        context.User = principal;
        Activity.Current?.SetTag(ActivityTag, keyId);
        using (logger.BeginScope(new Dictionary<string, object> { ["ClientId"] = keyId }))
        {
            await next(context);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Call to {Service} rejected: API key {Problem} (peer {Peer})")]
    private static partial void LogRejected(ILogger logger, string service, string problem, string peer);
}
