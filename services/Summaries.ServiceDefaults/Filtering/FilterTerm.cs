namespace Summaries.ServiceDefaults.Filtering;

/// <summary>
/// A comparison checked against its <see cref="FilterSchema"/>: the field's declared name, the
/// operator, and the value read as the field's type (<see cref="Text"/> always; <see cref="Time"/>,
/// <see cref="Number"/> or <see cref="Choice"/> for timestamp, integer and enum fields).
/// </summary>
public sealed record FilterTerm(string Field, FilterOperator Operator, string Text)
{
    public DateTimeOffset? Time { get; init; }

    public long? Number { get; init; }

    public object? Choice { get; init; }

    /// <summary>The enum value of an enum field's term.</summary>
    public T ChoiceAs<T>()
        where T : struct, Enum =>
        Choice is T value ? value : throw new InvalidOperationException($"'{Field}' is not an enum field of {typeof(T).Name}.");
}
