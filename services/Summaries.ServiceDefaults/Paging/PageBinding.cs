using System.Security.Cryptography;
using System.Text;

namespace Summaries.ServiceDefaults.Paging;

/// <summary>
/// The request parameters a page token is good for (AIP-158: every field but <c>page_token</c> and
/// <c>page_size</c> must stay the same between pages). A token carries <see cref="Digest"/>; a
/// later request whose parameters digest differently is refused on <c>page_token</c>.
/// </summary>
public sealed record PageBinding(string Digest, string Fields)
{
    /// <summary>
    /// Binds to each named parameter's value (null and empty alike; a filter's outer whitespace
    /// ignored). <paramref name="parameters"/> name the request fields, for the error message.
    /// </summary>
    public static PageBinding Of(params (string Field, string? Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var text = new StringBuilder();
        foreach (var (field, value) in parameters)
        {
            // Length-prefixed, so no value can imitate a field boundary.
            var v = value?.Trim() ?? string.Empty;
            text.Append(field).Append('=').Append(v.Length).Append(':').Append(v).Append('\n');
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
        var names = parameters.Select(p => p.Field).ToList();
        return new PageBinding(digest, names.Count <= 1 ? string.Concat(names) : string.Join(", ", names[..^1]) + " or " + names[^1]);
    }
}
