namespace Caduceus.Gateway.Authentication;

/// <summary>Names for the API key authentication scheme.</summary>
public static class ApiKeyAuthenticationDefaults
{
    public const string Scheme = "CaduceusApiKey";
}
