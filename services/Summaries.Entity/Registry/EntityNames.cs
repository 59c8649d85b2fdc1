using System.Globalization;
using System.Text;
using Summaries.Language;
using Summaries.ServiceDefaults.Naming;

namespace Summaries.Entity.Registry;

/// <summary>Stable registry names for canonical entities: <c>entities/{type}-{slug}</c>.</summary>
public static class EntityNames
{
    public static string For(EntityKind kind, string displayName) =>
        ResourceNames.Entities.Format($"{TypeSlug(kind)}-{Slug(displayName)}");

    public static string TypeSlug(EntityKind kind) => kind switch
    {
        EntityKind.Person => "person",
        EntityKind.Organization => "org",
        EntityKind.Location => "location",
        _ => "misc",
    };

    /// <summary>Lowercase ASCII letters and digits joined by hyphens; accents are folded.</summary>
    public static string Slug(string text)
    {
        var sb = new StringBuilder();
        var pendingHyphen = false;
        foreach (var raw in text)
        {
            if (raw is '’' or '\'')
            {
                continue;
            }

            // The services run with invariant globalization, where Unicode normalisation is not
            // available, so common Latin accents are folded from a table.
            var c = Fold(raw);

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }

                sb.Append(char.ToLowerInvariant(c));
                pendingHyphen = false;
            }
            else
            {
                pendingHyphen = true;
            }
        }

        var slug = sb.ToString();
        if (slug.Length == 0)
        {
            slug = "x" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        }

        return slug.Length <= 80 ? slug : slug[..80];
    }

    private const string Accented = "àáâãäåāăąçćčďèéêëēĕėęěìíîïīĭįñńňòóôõöøōŏőùúûüūŭůűųýÿžźżśšşřŕľĺłğţťđ";
    private const string Plain = "aaaaaaaaacccdeeeeeeeeeiiiiiiinnnoooooooooouuuuuuuuuyyzzzsssrrllgttd";

    private static char Fold(char c)
    {
        var lower = char.ToLowerInvariant(c);
        var i = Accented.IndexOf(lower, StringComparison.Ordinal);
        return i >= 0 ? Plain[i] : c;
    }
}
