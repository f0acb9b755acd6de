using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;

using Backend.Api.Auth;
using Backend.Api.Tests.Infrastructure;

using Microsoft.AspNetCore.Hosting;

namespace Backend.Api.Tests.Hosting;

[Collection(ApiCollection.Name)]
public sealed class RequestBodyLimitTests(ApiFactory factory)
{
    private const int DefaultLimit = 64 * 1024;

    [Fact]
    public async Task Payload_too_large_problem_when_content_length_is_over_the_limit()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);
        using var content = new ByteArrayContent(OrderOfSize(DefaultLimit + 1));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        using var response = await client.PostAsync("/api/orders", content, TestContext.Current.CancellationToken);

        await ShouldBeTooLargeAsync(response, DefaultLimit);
    }

    [Fact]
    public async Task Payload_too_large_problem_when_a_chunked_body_runs_over_the_limit()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);
        using var content = new ChunkedContent(OrderOfSize(DefaultLimit + 1));

        using var response = await client.PostAsync("/api/orders", content, TestContext.Current.CancellationToken);

        await ShouldBeTooLargeAsync(response, DefaultLimit);
    }

    [Fact]
    public async Task Validation_problem_not_413_when_a_chunked_body_is_exactly_at_the_limit()
    {
        using var client = factory.CreateClient(TestKeys.ClientA);
        using var content = new ChunkedContent(OrderOfSize(DefaultLimit));

        using var response = await client.PostAsync("/api/orders", content, TestContext.Current.CancellationToken);

        // Read whole and deserialized: the padding makes the payment token too long, a field error, not a size one.
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("paymentToken", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Payload_too_large_problem_from_kestrel_when_a_chunked_body_runs_over_a_configured_limit()
    {
        await using var kestrel = new KestrelApiFactory(maxBodyBytes: 2048);
        using var client = kestrel.CreateClient(TestKeys.ClientA);
        using var content = new ChunkedContent(OrderOfSize(4096));

        using var response = await client.PostAsync("/api/orders", content, TestContext.Current.CancellationToken);

        await ShouldBeTooLargeAsync(response, 2048);
    }

    /// <summary>
    /// The answer comes while the body is still being sent: the server stops at the limit instead of reading the body
    /// whole, so what it holds never grows with what a caller declares or sends. A raw socket, since an HTTP client
    /// would not answer-before-sending.
    /// </summary>
    [Theory]
    [InlineData("Transfer-Encoding: chunked")]
    [InlineData("Content-Length: 1073741824")]
    public async Task Payload_too_large_answered_before_the_body_is_sent_whole(string framing)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var kestrel = new KestrelApiFactory(maxBodyBytes: DefaultLimit);
        using var http = kestrel.CreateClient(TestKeys.ClientA);
        var address = http.BaseAddress!;
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port, cancellationToken);
        await using var stream = tcp.GetStream();

        var head = $"POST /api/orders HTTP/1.1\r\nHost: {address.Authority}\r\n{ApiClaims.HeaderName}: {TestKeys.ClientA}\r\n" +
            $"Content-Type: application/json\r\n{framing}\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head), cancellationToken);
        // Twice the limit, of a body that never ends: no terminating chunk, or a gigabyte short.
        var part = OrderOfSize(2 * DefaultLimit);
        if (framing.StartsWith("Transfer-Encoding", StringComparison.Ordinal))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"{part.Length:x}\r\n"), cancellationToken);
            await stream.WriteAsync(part, cancellationToken);
            await stream.WriteAsync("\r\n"u8.ToArray(), cancellationToken);
        }
        else
        {
            await stream.WriteAsync(part, cancellationToken);
        }

        using var reader = new StreamReader(stream, Encoding.ASCII, detectEncodingFromByteOrderMarks: false, leaveOpen: true);
        var statusLine = await reader.ReadLineAsync(cancellationToken).AsTask().WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);

        statusLine.ShouldBe("HTTP/1.1 413 Payload Too Large");
    }

    /// <summary>An order whose payment token pads the JSON body to exactly <paramref name="size"/> bytes.</summary>
    private static byte[] OrderOfSize(int size)
    {
        const string Template = """{"lines":[{"sku":"SKU-1","quantity":1}],"shipTo":{"country":"US"},"paymentToken":"big"}""";
        var padding = new string('x', size - Encoding.UTF8.GetByteCount(Template));
        return Encoding.UTF8.GetBytes(Template.Replace("\"big\"", $"\"big{padding}\"", StringComparison.Ordinal));
    }

    private static async Task ShouldBeTooLargeAsync(HttpResponseMessage response, int limit)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.ReadJsonAsync();
        problem.GetProperty("status").GetInt32().ShouldBe(413);
        problem.GetProperty("detail").GetString()!.ShouldContain($"{limit} bytes");
    }

    /// <summary>A body of unknown length, so it is sent chunked, without a Content-Length.</summary>
    private sealed class ChunkedContent : HttpContent
    {
        private readonly byte[] body;

        public ChunkedContent(byte[] body)
        {
            this.body = body;
            Headers.ContentType = new MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(body).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }

    /// <summary>The ingress on a real Kestrel socket, which the test server stands in for elsewhere.</summary>
    private sealed class KestrelApiFactory : ApiFactory
    {
        public KestrelApiFactory(int maxBodyBytes)
        {
            MaxBodyBytes = maxBodyBytes;
            UseKestrel(0);
        }

        private int MaxBodyBytes { get; }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Api:MaxRequestBodyBytes", MaxBodyBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }
}
