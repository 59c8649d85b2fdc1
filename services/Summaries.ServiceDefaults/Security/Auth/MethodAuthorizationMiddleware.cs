using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// After authentication: a caller may call only the methods its grants name
/// (<see cref="AuthOptions.Grants"/>); anything else ends PERMISSION_DENIED with ErrorInfo
/// <c>METHOD_NOT_GRANTED</c>. Health, reflection and the anonymous services stay open to every
/// caller, so probes and <c>grpcurl list/describe</c> work with any key.
/// </summary>
public sealed partial class MethodAuthorizationMiddleware(
    RequestDelegate next, IOptions<AuthOptions> options, ILogger<MethodAuthorizationMiddleware> logger)
{
    public const string Reason = "METHOD_NOT_GRANTED";

    private readonly AuthOptions _options = options.Value;
    private readonly HashSet<string> _open = [.. options.Value.EffectiveAnonymousServices, .. GrpcServices.HealthAndReflection];

    // Grants by caller id, parsed once; certificate names are not known before their first call.
    private readonly ConcurrentDictionary<string, MethodGrants> _grants = new(StringComparer.Ordinal);

    public Task InvokeAsync(HttpContext context)
    {
        var service = GrpcServices.ServiceOf(context.Request.Path);
        var callerId = CallerIdentity.CallerIdOf(context);
        // Not a gRPC method path (nothing is served there), an open service, or an anonymous call
        // that authentication already let through to one.
        if (service.Length == 0 || _open.Contains(service) || callerId is null)
        {
            return next(context);
        }

        var method = context.Request.Path.Value![1..];
        if (_grants.GetOrAdd(callerId, _options.GrantsFor).Allows(method))
        {
            return next(context);
        }

        LogDenied(logger, callerId, method);
        var status = RpcErrors.PermissionDeniedStatus(Reason,
            $"The caller '{callerId}' may not call {method}: it is not in Auth:Grants:{callerId}.",
            new Dictionary<string, string> { ["method"] = method, ["caller"] = callerId });
        return GrpcErrorResponse.WriteAsync(context, status);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call by {CallerId} to {Method} refused: not granted")]
    private static partial void LogDenied(ILogger logger, string callerId, string method);
}
