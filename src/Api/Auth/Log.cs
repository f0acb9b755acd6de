using Microsoft.Extensions.Logging;

namespace Backend.Api.Auth;

internal static partial class Log
{
    [LoggerMessage(EventId = 2101, EventName = "UnknownApiKey", Level = LogLevel.Warning,
        Message = "A request presented an unknown API key")]
    public static partial void UnknownApiKey(ILogger logger);
}
