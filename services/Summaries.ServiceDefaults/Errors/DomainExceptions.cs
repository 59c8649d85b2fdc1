namespace Summaries.ServiceDefaults.Errors;

/// <summary>One field that failed validation, named by its path in the request ("article.body").</summary>
public sealed record FieldProblem(string Field, string Description);

/// <summary>Thrown by domain code when a request is invalid; mapped to INVALID_ARGUMENT with BadRequest details.</summary>
public sealed class ValidationException(IReadOnlyList<FieldProblem> problems)
    : Exception(string.Join("; ", problems.Select(p => $"{p.Field}: {p.Description}")))
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;

    public ValidationException(string field, string description)
        : this([new FieldProblem(field, description)])
    {
    }
}

/// <summary>Thrown when a named resource does not exist; mapped to NOT_FOUND.</summary>
public sealed class ResourceNotFoundException(string resourceName)
    : Exception($"{resourceName} was not found.")
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>Thrown when a resource already exists; mapped to ALREADY_EXISTS with the existing name.</summary>
public sealed class ResourceExistsException(string resourceName, string message) : Exception(message)
{
    public string ResourceName { get; } = resourceName;
}

/// <summary>Thrown when a dependency cannot be reached; mapped to UNAVAILABLE so callers may retry.</summary>
public sealed class DependencyUnavailableException(string dependency, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Dependency { get; } = dependency;
}
