using Google.Rpc;

namespace Summaries.Testing;

/// <summary>Reads the per-item <c>google.rpc.Status</c> of batch and stream results.</summary>
public static class ItemStatuses
{
    /// <summary>The fields its BadRequest detail names, in order.</summary>
    public static IReadOnlyList<string> Fields(Status status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return [.. status.Details
            .Select(d => d.TryUnpack<BadRequest>(out var badRequest) ? badRequest : null)
            .Where(b => b is not null)
            .SelectMany(b => b!.FieldViolations.Select(v => v.Field))];
    }

    /// <summary>Asserts INVALID_ARGUMENT naming exactly <paramref name="fields"/>.</summary>
    public static void AssertInvalid(Status? status, params string[] fields)
    {
        Assert.NotNull(status);
        Assert.Equal((int)Code.InvalidArgument, status.Code);
        Assert.Equal(fields, Fields(status));
    }
}
