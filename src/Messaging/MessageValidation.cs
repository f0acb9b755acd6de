namespace Backend.Messaging;

/// <summary>A guard for what a consumer finds out only while handling a message, beyond its validator.</summary>
public static class MessageValidation
{
    public static void Require(bool condition, string reason)
    {
        if (!condition)
        {
            throw new InvalidMessageException(reason);
        }
    }
}
