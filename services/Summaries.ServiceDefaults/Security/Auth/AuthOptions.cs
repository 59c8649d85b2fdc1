using System.ComponentModel.DataAnnotations;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// API-key authentication of every call. Section <c>Auth</c>. Off by default. On, a call must carry
/// one of <see cref="Keys"/> as <c>x-api-key: KEY</c> or <c>authorization: Bearer KEY</c>, except
/// calls to <see cref="AnonymousServices"/>.
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Keys.Count == 0)
        {
            yield return new ValidationResult($"{SectionName}:Enabled is true but no {SectionName}:Keys are configured.", [nameof(Keys)]);
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
}

/// <summary>One accepted API key.</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key ("dashboard", "summary"): what logs and rate limits show.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>The secret itself. Never logged.</summary>
    public string Key { get; set; } = string.Empty;
}
