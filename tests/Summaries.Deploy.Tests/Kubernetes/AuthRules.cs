using Summaries.ServiceDefaults.Security;
using Summaries.ServiceDefaults.Security.Auth;

namespace Summaries.Deploy.Tests.Kubernetes;

/// <summary>
/// API keys and rate limits: keys only from Secrets, one id per caller, each id with grants (its own
/// or the defaults), every caller in the call graph sending its own key to a service that accepts it
/// under the caller's name, probes that need no key and are never limited. (Literal keys are reported by <see cref="SecretRules"/>.)
/// </summary>
public static class AuthRules
{
    public static IEnumerable<Violation> Check(IReadOnlyList<ServiceSecurity> services, PolicyExpectations expected)
    {
        foreach (var service in services)
        {
            var id = $"Deployment/{service.Workload.Name}";
            foreach (var message in AcceptedKeys(service).Concat(Probes(service)).Concat(Limits(service)))
            {
                yield return new Violation("auth", id, message);
            }

            if (service.Env.FromSources.ContainsKey("Clients__ApiKey") && service.SendsKey is null)
            {
                yield return new Violation("auth", id, "Clients__ApiKey must come from a Secret (secretKeyRef)");
            }
        }

        foreach (var (from, to) in expected.CallGraph)
        {
            foreach (var caller in services.Where(s => s.App == from))
            {
                var callee = services.FirstOrDefault(s => s.App == to && s.Workload.Namespace == caller.Workload.Namespace);
                if (callee is not null && Call(caller, callee) is { } message)
                {
                    yield return new Violation("auth", $"Deployment/{caller.Workload.Name}", message);
                }
            }
        }

        foreach (var shared in services.Where(s => s.SendsKey is not null).GroupBy(s => s.SendsKey).Where(g => g.Select(s => s.App).Distinct().Count() > 1))
        {
            yield return new Violation("auth", $"Secret {shared.Key}",
                $"sent by {string.Join(" and ", shared.Select(s => s.App).Distinct())}: give each caller its own key");
        }
    }

    private static IEnumerable<string> AcceptedKeys(ServiceSecurity service)
    {
        var keys = service.Keys;
        if (!service.Auth.Enabled)
        {
            yield break;
        }

        if (keys.Count == 0)
        {
            yield return "Auth__Enabled is true but no Auth__Keys are set: the service refuses to start";
        }

        foreach (var key in keys)
        {
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                yield return $"Auth__Keys__{key.Index}__Id is not set";
            }

            if (key.OtherSource)
            {
                yield return $"Auth__Keys__{key.Index}__Key must come from a Secret (secretKeyRef)";
            }
            else if (key.Secret is null && !key.Literal)
            {
                yield return $"Auth__Keys__{key.Index}__Key is not set";
            }
        }

        // The service refuses to start with an id that has neither configured nor default grants.
        foreach (var id in keys.Select(k => k.Id?.Trim()).OfType<string>().Where(id => id.Length > 0).Distinct()
                     .Where(id => !service.Auth.Grants.ContainsKey(id) && !DefaultGrants.ById.ContainsKey(id)))
        {
            yield return $"the id '{id}' has no grants (Auth__Grants__{id}__N) and is not one the defaults know: the service refuses to start";
        }

        foreach (var (id, patterns) in service.Auth.Grants)
        {
            foreach (var problem in (patterns ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(MethodGrants.Problem).OfType<string>())
            {
                yield return $"Auth__Grants__{id}: {problem}";
            }
        }

        foreach (var id in keys.Where(k => !string.IsNullOrWhiteSpace(k.Id)).GroupBy(k => k.Id).Where(g => g.Count() > 1))
        {
            yield return $"the id '{id.Key}' is used by more than one key: the service refuses to start";
        }

        foreach (var secret in keys.Where(k => k.Secret is not null).GroupBy(k => k.Secret).Where(g => g.Count() > 1))
        {
            yield return $"ids {string.Join(", ", secret.Select(k => $"'{k.Id}'"))} read the same key {secret.Key}: the service refuses to start";
        }
    }

    /// <summary>The kubelet's gRPC probes send no key and count against no client.</summary>
    private static IEnumerable<string> Probes(ServiceSecurity service)
    {
        if (!service.HasGrpcProbes)
        {
            yield break;
        }

        if (service.Auth.Enabled && !service.Auth.EffectiveAnonymousServices.Contains(GrpcServices.Health))
        {
            yield return $"{GrpcServices.Health} needs an API key (Auth__AnonymousServices), but the kubelet's gRPC probes send none";
        }

        if (service.Limits.Enabled && !service.Limits.EffectiveExemptServices.Contains(GrpcServices.Health))
        {
            yield return $"{GrpcServices.Health} is rate limited (RateLimits__ExemptServices): a refused probe restarts the pod";
        }
    }

    private static IEnumerable<string> Limits(ServiceSecurity service)
    {
        if (!service.Limits.Enabled)
        {
            yield break;
        }

        var ids = service.Auth.Enabled ? service.Keys.Select(k => k.Id).ToHashSet() : [];
        foreach (var keyId in service.Limits.KeyPermitLimits.Keys.Where(k => !ids.Contains(k)))
        {
            yield return $"RateLimits__KeyPermitLimits__{keyId}: no API key has the id '{keyId}', so the limit never applies";
        }
    }

    private static string? Call(ServiceSecurity caller, ServiceSecurity callee)
    {
        if (!callee.Auth.Enabled)
        {
            return null;
        }

        if (caller.SendsKey is not { } sent)
        {
            return caller.SendsAnyKey
                ? null // a literal: SecretRules reports it
                : $"calls {callee.App}, which requires an API key, but sends none (Clients__ApiKey from a Secret)";
        }

        var accepted = callee.Keys.FirstOrDefault(k => k.Secret == sent);
        if (accepted is null)
        {
            return $"sends {sent}, which {callee.App} does not accept (none of its Auth__Keys reads it)";
        }

        return accepted.Id == caller.App
            ? null
            : $"{callee.App} accepts its key {sent} under the id '{accepted.Id}'; name it '{caller.App}' (logs, traces and rate limits show the id)";
    }
}
