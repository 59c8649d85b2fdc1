using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// API-key authentication of every call. Section <c>Auth</c>. Off by default. On, a call must carry
/// one of <see cref="Keys"/> as <c>x-api-key: KEY</c> or <c>authorization: Bearer KEY</c>, except
/// calls to <see cref="AnonymousServices"/>; and the caller may call only the methods its
/// <see cref="Grants"/> name (health, reflection and the anonymous services are open to every caller).
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string SectionName = "Auth";

    /// <summary>Shortest key accepted: a key is a random secret, not a password (e.g. <c>openssl rand -hex 32</c>).</summary>
    public const int MinimumKeyLength = 16;

    /// <summary>Whether calls must be authenticated. Default false. On needs at least one key.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The accepted keys, each with an id that logs, traces and rate limits name the caller by (the key
    /// itself is never logged). Env: <c>Auth__Keys__0__Id=dashboard</c>, <c>Auth__Keys__0__Key</c> from a Secret.
    /// </summary>
    public List<ApiKeyOptions> Keys { get; set; } = [];

    /// <summary>
    /// gRPC services callable without a key. Default: <c>grpc.health.v1.Health</c> and server reflection
    /// (v1 and v1alpha), so probes and <c>grpcurl list/describe</c> keep working. A single empty entry
    /// (<c>Auth__AnonymousServices__0=</c>) makes every service need a key.
    /// </summary>
    public string[]? AnonymousServices { get; set; }

    public IReadOnlySet<string> EffectiveAnonymousServices => GrpcServices.Effective(AnonymousServices, GrpcServices.HealthAndReflection);

    /// <summary>
    /// What each caller (key id, or client-certificate name with <see cref="AcceptClientCertificates"/>)
    /// may call: <c>*</c>, <c>package.Service/*</c> or <c>package.Service/Method</c>. Env:
    /// <c>Auth__Grants__summary__0=summaries.ingestion.v1.IngestionService/GetArticle</c>. An id not
    /// listed gets <see cref="DefaultGrants"/> (dashboard: everything; summary and ingestion: the
    /// methods they call); any other key id must be listed, or the service refuses to start.
    /// </summary>
    public Dictionary<string, string[]> Grants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Whether a client certificate the TLS handshake verified (<c>Service:Tls:ClientCaPath</c>)
    /// identifies a caller that sends no API key, by its common name, with that name's
    /// <see cref="Grants"/>. Default false: a certificate only opens the connection.
    /// </summary>
    public bool AcceptClientCertificates { get; set; }

    /// <summary>The grants of <paramref name="callerId"/>: configured, else the default, else none.</summary>
    public MethodGrants GrantsFor(string callerId)
    {
        if (Grants.TryGetValue(callerId, out var configured))
        {
            return new MethodGrants(configured ?? []);
        }

        return new MethodGrants(DefaultGrants.ById.TryGetValue(callerId, out var defaults) ? defaults : []);
    }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Keys.Count == 0 && !AcceptClientCertificates)
        {
            yield return new ValidationResult($"{SectionName}:Enabled is true but no {SectionName}:Keys are configured.", [nameof(Keys)]);
        }

        foreach (var problem in GrantProblems())
        {
            yield return new ValidationResult(problem, [nameof(Grants)]);
        }

        // Messages name keys by index and id only: a validation failure is logged.
        for (var i = 0; i < Keys.Count; i++)
        {
            var key = Keys[i];
            if (string.IsNullOrWhiteSpace(key.Id))
            {
                yield return new ValidationResult($"{SectionName}:Keys:{i}:Id is empty.", [nameof(Keys)]);
            }

            if (string.IsNullOrWhiteSpace(key.Key))
            {
                yield return new ValidationResult($"{SectionName}:Keys:{i}:Key (id '{key.Id}') is empty.", [nameof(Keys)]);
            }
            else if (key.Key.Trim().Length < MinimumKeyLength)
            {
                yield return new ValidationResult(
                    $"{SectionName}:Keys:{i}:Key (id '{key.Id}') is shorter than {MinimumKeyLength} characters.", [nameof(Keys)]);
            }
        }

        foreach (var id in Keys.Where(k => !string.IsNullOrWhiteSpace(k.Id)).GroupBy(k => k.Id.Trim(), StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{SectionName}:Keys: the id '{id.Key}' is used more than once.", [nameof(Keys)]);
        }

        if (Keys.Where(k => !string.IsNullOrWhiteSpace(k.Key)).GroupBy(k => k.Key.Trim(), StringComparer.Ordinal).Any(g => g.Count() > 1))
        {
            yield return new ValidationResult($"{SectionName}:Keys: two ids share one key; give each caller its own.", [nameof(Keys)]);
        }
    }

    private IEnumerable<string> GrantProblems()
    {
        var ids = Keys.Where(k => !string.IsNullOrWhiteSpace(k.Id)).Select(k => k.Id.Trim()).ToHashSet(StringComparer.Ordinal);
        foreach (var id in ids.Where(id => !Grants.ContainsKey(id) && !DefaultGrants.ById.ContainsKey(id)))
        {
            yield return $"{SectionName}:Keys: the id '{id}' has no grants: list what it may call in {SectionName}:Grants:{id} ('*' for every method).";
        }

        foreach (var (id, patterns) in Grants)
        {
            if (!ids.Contains(id) && !AcceptClientCertificates)
            {
                yield return $"{SectionName}:Grants:{id}: no key has the id '{id}' (and {SectionName}:AcceptClientCertificates is off).";
            }

            foreach (var problem in (patterns ?? []).Where(p => !string.IsNullOrWhiteSpace(p)).Select(MethodGrants.Problem).OfType<string>())
            {
                yield return $"{SectionName}:Grants:{id}: {problem}";
            }
        }
    }
}

/// <summary>One accepted API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key ("dashboard", "summary"): what logs and rate limits show.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The secret itself. Never logged.</summary>
    public string Key { get; set; } = string.Empty;
}
