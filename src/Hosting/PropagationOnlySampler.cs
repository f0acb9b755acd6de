using System.Diagnostics;

using OpenTelemetry.Trace;

namespace Backend.Hosting;

/// <summary>
/// For a process with no collector to send spans to: samples nothing, so no span is built for nowhere, but lets the
/// spans that hand a trace to another process (a message's publish or send) exist, unsampled. Roots and spans with a
/// remote parent are kept for propagation by the SDK itself, so a trace id still crosses from a request to the
/// workers it causes and reaches their logs and records.
/// </summary>
internal sealed class PropagationOnlySampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Propagate = new(SamplingDecision.RecordOnly);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Producer ? Propagate : Drop;
}
