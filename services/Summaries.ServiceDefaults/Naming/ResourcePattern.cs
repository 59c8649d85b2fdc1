using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.ServiceDefaults.Naming;

/// <summary>
/// The names of one collection, <c>{collection}/{id}</c>, and the id rule the collection keeps. A
/// name of the right shape that the service never issued is a NOT_FOUND for the caller to raise,
/// not a validation error, so the rules are the widest each collection has ever issued.
/// </summary>
public sealed class ResourcePattern
{
    /// <param name="collection">The collection segment ("articles").</param>
    /// <param name="variable">What one id stands for, shown in messages ("article" gives <c>articles/{article}</c>).</param>
    /// <param name="name">The whole name, anchored, with the id in a group named <c>id</c>.</param>
    public ResourcePattern(string collection, string variable, Regex name)
    {
        ArgumentException.ThrowIfNullOrEmpty(collection);
        ArgumentException.ThrowIfNullOrEmpty(variable);
        ArgumentNullException.ThrowIfNull(name);
        Collection = collection;
        Prefix = collection + "/";
        Shape = $"{collection}/{{{variable}}}";
        Pattern = name;
    }

    public string Collection { get; }

    /// <summary>The collection with its slash ("articles/").</summary>
    public string Prefix { get; }

    /// <summary>The name template error messages show ("articles/{article}").</summary>
    public string Shape { get; }

    /// <summary>Matches a whole, well-formed name.</summary>
    public Regex Pattern { get; }

    public string Format(string id) => Prefix + id;

    public bool IsMatch([NotNullWhen(true)] string? name) => name is not null && Pattern.IsMatch(name);

    public bool TryParse([NotNullWhen(true)] string? name, [NotNullWhen(true)] out string? id)
    {
        var match = Pattern.Match(name ?? string.Empty);
        id = match.Success ? match.Groups["id"].Value : null;
        return id is not null;
    }

    /// <summary>The id in <paramref name="name"/>; INVALID_ARGUMENT on <paramref name="field"/> when malformed.</summary>
    public string Parse(string? name, string field = "name") =>
        TryParse(name, out var id) ? id : throw new ValidationException(field, Problem);

    /// <summary>The problem a malformed name is reported with.</summary>
    public string Problem => $"must look like {Shape}";

    /// <summary>The id when <paramref name="nameOrId"/> is a name of this collection, else the text as given.</summary>
    public string IdOrSelf(string nameOrId) =>
        nameOrId.StartsWith(Prefix, StringComparison.Ordinal) ? nameOrId[Prefix.Length..] : nameOrId;
}
