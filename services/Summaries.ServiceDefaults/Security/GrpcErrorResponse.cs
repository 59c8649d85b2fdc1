using System.Globalization;
using System.Text;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Summaries.ServiceDefaults.Security;

/// <summary>
/// Ends a request from middleware as a gRPC call ends with an error: HTTP 200 with grpc-status,
/// grpc-message and grpc-status-details-bin in one HEADERS frame ("trailers-only"). A bare HTTP
/// 401/429 would reach gRPC clients as UNAUTHENTICATED/UNAVAILABLE without the message or details.
/// </summary>
public static class GrpcErrorResponse
{
    public static Task WriteAsync(HttpContext context, Google.Rpc.Status status)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/grpc";
        response.Headers["grpc-status"] = status.Code.ToString(CultureInfo.InvariantCulture);
        response.Headers["grpc-message"] = PercentEncode(status.Message);
        response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray());
        return response.CompleteAsync();
    }

    /// <summary>grpc-message encoding: bytes outside printable ASCII, and '%', as %XX of their UTF-8.</summary>
    public static string PercentEncode(string message)
    {
        var builder = new StringBuilder(message.Length);
        foreach (var b in Encoding.UTF8.GetBytes(message))
        {
            if (b is >= 0x20 and <= 0x7E && b != (byte)'%')
            {
                builder.Append((char)b);
            }
            else
            {
                builder.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }
}
