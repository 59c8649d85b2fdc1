using System.Security.Cryptography;
using System.Text;

namespace Summaries.Ingestion.Articles;

/// <summary>SHA-256 of the normalised body, lowercase hex; equal hashes mean the same text.</summary>
public static class ContentHash
{
    public static string Of(string normalizedBody) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalizedBody)));
}
