using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Backend.Api.Limits;

/// <summary>
/// Refuses a body over <see cref="ApiOptions.MaxRequestBodyBytes"/> with 413 problem details before any endpoint
/// reads it: by its Content-Length up front, and a body of unknown length (chunked) by reading at most one byte
/// past the limit into memory. The endpoints then read the buffered copy, so the limit holds on every server,
/// Kestrel or the test server, which enforces none of Kestrel's.
/// </summary>
public sealed class RequestBodyLimit(RequestDelegate next, IOptions<ApiOptions> options, IProblemDetailsService problems)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var limit = options.Value.MaxRequestBodyBytes;
        var request = context.Request;
        if (request.ContentLength > limit)
        {
            await RefuseAsync(context, limit);
            return;
        }

        // Kestrel's own ceiling (30 MB by default) follows the configured one, as a backstop for every read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limit;
        }

        if (request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true)
        {
            var buffered = await ReadUpToAsync(request.Body, limit + 1, context.RequestAborted);
            if (buffered is null || buffered.Length > limit)
            {
                await RefuseAsync(context, limit);
                return;
            }

            request.Body = buffered;
        }

        await next(context);
    }

    /// <summary>The body's first <paramref name="max"/> bytes, or null where Kestrel's ceiling stopped the read.</summary>
    private static async Task<MemoryStream?> ReadUpToAsync(Stream body, long max, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while (buffer.Length < max && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException exception) when (exception.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return null;
        }

        buffer.Position = 0;
        return buffer;
    }

    private ValueTask RefuseAsync(HttpContext context, long limit)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "Request body too large",
                Detail = $"A request body may have at most {limit} bytes.",
            },
        });
    }
}
