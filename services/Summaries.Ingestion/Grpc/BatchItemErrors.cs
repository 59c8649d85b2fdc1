using Grpc.Core;
using Summaries.Contracts.Ingestion.V1;
using Summaries.ServiceDefaults.Errors;

namespace Summaries.Ingestion.Grpc;

/// <summary>The <see cref="ItemError"/> a batch item gets for the status it would have got on its own.</summary>
public static class BatchItemErrors
{
    public static ItemError From(Exception exception)
    {
        switch (exception)
        {
            case ValidationException validation:
                var error = new ItemError { Code = RpcErrors.CodeName(StatusCode.InvalidArgument), Message = validation.Message };
                error.FieldViolations.AddRange(validation.Problems.Select(p =>
                    new FieldViolation { Field = p.Field, Description = p.Description }));
                return error;
            case RpcException rpc:
                return new ItemError { Code = RpcErrors.CodeName(rpc.StatusCode), Message = rpc.Status.Detail };
            default:
                return new ItemError { Code = RpcErrors.CodeName(StatusCode.Internal), Message = "Internal error; it has been logged." };
        }
    }
}
