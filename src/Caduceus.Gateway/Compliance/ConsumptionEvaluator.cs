namespace Caduceus.Gateway.Compliance;

/// <summary>Unbounded consumption (OWASP LLM10): every limit on size, rate, tokens and answers is on, and anomalies are watched.</summary>
internal static class ConsumptionEvaluator
{
    public static ControlResult Evaluate(ControlDefinition control, ComplianceState state)
    {
        var settings = state.Settings;
        var limits = new (string Setting, long Value)[]
        {
            ("Limits:MaxRequestBodyBytes", settings.Gateway.Limits.MaxRequestBodyBytes),
            ("Limits:MaxMessages", settings.Gateway.Limits.MaxMessages),
            ("Limits:RequestsPerMinute", settings.UsageLimits.RequestsPerMinute),
            ("Limits:TokensPerHour", settings.UsageLimits.TokensPerHour),
            ("Limits:TokensPerDay", settings.UsageLimits.TokensPerDay),
            ("Limits:MaxTokensPerRequest", settings.UsageLimits.MaxTokensPerRequest),
            ("AnswerLimits:MaxTokens", settings.AnswerLimits.MaxTokens),
            ("AnswerLimits:MinStreamCharactersPerSecond", settings.AnswerLimits.MinStreamCharactersPerSecond),
        };
        var evidence = new ControlEvidence(control);
        foreach (var (setting, value) in limits)
        {
            evidence.Add(setting, value);
        }

        evidence.Add("Anomaly:Enabled", settings.Anomaly.Enabled);
        var gaps = limits.Where(l => l.Value <= 0).Select(l => $"{l.Setting} is off.").ToList();
        if (!settings.Anomaly.Enabled)
        {
            gaps.Add("Anomaly detection is off, so unusual volume opens no incident.");
        }

        return evidence.PassUnless(gaps, "Request size, request rate, token budgets, answer length and stream rate are all limited, and anomaly detection watches volume.");
    }
}
