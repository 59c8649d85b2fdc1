using System.Text.RegularExpressions;

namespace Summaries.ServiceDefaults.Security.Auth;

/// <summary>
/// The gRPC methods one caller may call, as patterns: <c>*</c> (every method),
/// <c>package.Service/*</c> (every method of a service) or <c>package.Service/Method</c>.
/// </summary>
public sealed partial class MethodGrants
{
    public const string Everything = "*";

    private readonly bool _everything;
    private readonly HashSet<string> _services = new(StringComparer.Ordinal);
    private readonly HashSet<string> _methods = new(StringComparer.Ordinal);

    public MethodGrants(IEnumerable<string> patterns)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        foreach (var pattern in patterns.Select(p => p.Trim()).Where(p => p.Length > 0))
        {
            if (Problem(pattern) is { } problem)
            {
                throw new ArgumentException(problem, nameof(patterns));
            }

            if (pattern == Everything)
            {
                _everything = true;
            }
            else if (pattern.EndsWith("/*", StringComparison.Ordinal))
            {
                _services.Add(pattern[..^2]);
            }
            else
            {
                _methods.Add(pattern);
            }
        }
    }

    /// <summary>Whether <paramref name="method"/> (<c>package.Service/Method</c>) is granted.</summary>
    public bool Allows(string method)
    {
        if (_everything || _methods.Contains(method))
        {
            return true;
        }

        var slash = method.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && _services.Contains(method[..slash]);
    }

    /// <summary>Why <paramref name="pattern"/> is not a grant, or null when it is one.</summary>
    public static string? Problem(string pattern) =>
        Pattern().IsMatch(pattern.Trim())
            ? null
            : $"'{pattern}' is not a grant: use '*', 'package.Service/*' or 'package.Service/Method' (e.g. 'summaries.ingestion.v1.IngestionService/GetArticle').";

    [GeneratedRegex(@"^(\*|[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*/(\*|[A-Za-z_][A-Za-z0-9_]*))$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
