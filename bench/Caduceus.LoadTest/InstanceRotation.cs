namespace Caduceus.LoadTest;

/// <summary>
/// Client-side round robin over the gateway instances. Plain n mod N would tie scenarios to instances whenever the
/// mix's cycle length and N share a factor (a cycle of 2 on 2 instances sends every benign request to instance 0), so
/// each pass through the cycle moves on by the smallest step from the cycle length that is coprime with N: within a
/// pass consecutive requests still go to consecutive instances, and over N passes each scenario visits every instance.
/// </summary>
internal static class InstanceRotation
{
    public static int InstanceOf(long requestNumber, int instances, int cycleLength)
    {
        var step = cycleLength;
        while (GreatestCommonDivisor(step, instances) != 1)
        {
            step++;
        }

        var pass = requestNumber / cycleLength;
        var position = requestNumber % cycleLength;
        return (int)((position + (pass * step)) % instances);
    }

    private static int GreatestCommonDivisor(int a, int b) => b == 0 ? a : GreatestCommonDivisor(b, a % b);
}
