namespace Summaries.ServiceDefaults.Errors;

/// <summary>Runs independent checks and collects their field problems, so one response lists them all.</summary>
public sealed class FieldProblems
{
    private readonly List<FieldProblem> _problems = [];

    /// <summary>The check's result, or default when it threw a <see cref="ValidationException"/> (its problems kept).</summary>
    public T? Check<T>(Func<T> check)
    {
        ArgumentNullException.ThrowIfNull(check);
        try
        {
            return check();
        }
        catch (ValidationException ex)
        {
            _problems.AddRange(ex.Problems);
            return default;
        }
    }

    public void Add(string field, string description) => _problems.Add(new FieldProblem(field, description));

    /// <summary>Throws one <see cref="ValidationException"/> with every problem collected, if there is any.</summary>
    public void ThrowIfAny()
    {
        if (_problems.Count > 0)
        {
            throw new ValidationException(_problems);
        }
    }
}
