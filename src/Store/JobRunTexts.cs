namespace Backend.Store;

/// <summary>What both adapters write on runs the store itself ends, so operators read the same words from either.</summary>
internal static class JobRunTexts
{
    public const string LeaseExpired = "lease expired; holder presumed stopped";

    public static string Skipped(Guid holder) => $"skipped: run {holder} still running";
}
