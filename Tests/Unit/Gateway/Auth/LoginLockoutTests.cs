using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Scanner.Gateway.Auth;

namespace Scanner.Tests.Unit.Gateway.Auth;

public class LoginLockoutTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 1, 5, 14, 30, 0, TimeSpan.Zero));
    private readonly LoginLockout _lockout;

    public LoginLockoutTests() => _lockout = new LoginLockout(
        Options.Create(new AuthOptions { LockoutFailures = 3, LockoutDuration = TimeSpan.FromMinutes(5) }), _clock);

    private void Fail(string user, int times)
    {
        for (var i = 0; i < times; i++)
        {
            _lockout.Failed(user);
        }
    }

    [Fact]
    public void The_threshold_th_wrong_password_starts_a_lock_that_holds_for_its_duration_then_expires_by_itself()
    {
        Fail("alice", 2);
        Assert.Null(_lockout.LockedFor("alice"));
        _lockout.Failed("alice");
        Assert.Equal(TimeSpan.FromMinutes(5), _lockout.LockedFor("alice"));
        _clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(TimeSpan.FromMinutes(1), _lockout.LockedFor("ALICE"));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(_lockout.LockedFor("alice"));
        // A fresh count after the lock: one more wrong password does not lock again.
        _lockout.Failed("alice");
        Assert.Null(_lockout.LockedFor("alice"));
    }

    [Fact]
    public void Failures_spread_beyond_the_duration_never_lock_and_other_names_are_not_affected()
    {
        Fail("alice", 2);
        _clock.Advance(TimeSpan.FromMinutes(5));
        Fail("alice", 2);
        Assert.Null(_lockout.LockedFor("alice"));
        Fail("bob", 3);
        Assert.NotNull(_lockout.LockedFor("bob"));
        Assert.Null(_lockout.LockedFor("alice"));
    }

    [Fact]
    public void A_right_password_before_the_lock_forgets_the_failures()
    {
        Fail("alice", 2);
        _lockout.Succeeded("alice");
        Fail("alice", 2);
        Assert.Null(_lockout.LockedFor("alice"));
    }
}
