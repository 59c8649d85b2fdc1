using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Articles;

/// <summary>Article ids and resource names (<c>articles/{id}</c>).</summary>
public static partial class ArticleNames
{
    public const string Prefix = "articles/";
    private const int IdLength = 12;
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

    /// <summary>12 random base32 characters (60 bits): short, URL-safe, lowercase.</summary>
    public static string NewId()
    {
        Span<byte> bytes = stackalloc byte[IdLength];
        RandomNumberGenerator.Fill(bytes);
        Span<char> chars = stackalloc char[IdLength];
        for (var i = 0; i < IdLength; i++)
        {
            chars[i] = Base32[bytes[i] & 31];
        }

        return new string(chars);
    }

    public static string Format(string id) => Prefix + id;

    /// <summary>
    /// The id in <paramref name="name"/>. Accepts the same shape as the other services
    /// (<c>[A-Za-z0-9_-]{1,64}</c>) so a well-formed name this service never issued gets NOT_FOUND,
    /// not INVALID_ARGUMENT.
    /// </summary>
    public static string ParseId(string? name, string field = "name")
    {
        var match = NamePattern().Match(name ?? string.Empty);
        return match.Success
            ? match.Groups["id"].Value
            : throw new ValidationException(field, "must look like articles/{article}");
    }

    [GeneratedRegex("^articles/(?<id>[A-Za-z0-9_-]{1,64})$")]
    private static partial Regex NamePattern();
}
