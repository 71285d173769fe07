using Caduceus.LoadTest;

namespace Caduceus.LoadTest.Tests;

public sealed class InstanceRotationTests
{
    [Theory]
    [InlineData(2, 2)]
    [InlineData(9, 2)]
    [InlineData(4, 2)]
    [InlineData(2, 4)]
    [InlineData(9, 3)]
    public void Every_scenario_of_the_cycle_reaches_every_instance_equally(int cycleLength, int instances)
    {
        var requests = cycleLength * instances * 100;
        var counts = new int[cycleLength, instances];
        for (long n = 0; n < requests; n++)
        {
            counts[n % cycleLength, InstanceRotation.InstanceOf(n, instances, cycleLength)]++;
        }

        var expected = requests / cycleLength / instances;
        for (var scenario = 0; scenario < cycleLength; scenario++)
        {
            for (var instance = 0; instance < instances; instance++)
            {
                Assert.Equal(expected, counts[scenario, instance]);
            }
        }
    }

    [Fact]
    public void Consecutive_requests_go_to_different_instances()
    {
        var instances = Enumerable.Range(0, 8).Select(n => InstanceRotation.InstanceOf(n, 2, 9)).ToArray();

        Assert.Equal([0, 1, 0, 1, 0, 1, 0, 1], instances);
    }
}
