package org.metergate.pkg.firmware;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which firmware slot boots (see the package documentation for the rules). Immutable: every
 * transition returns the next state, which the caller writes with {@link BootStateFile}.
 *
 * @param good the slot last marked good
 * @param trial the slot on trial, if any
 * @param tries boots of the trial slot so far
 * @param maxTries boots a trial gets
 * @param failed the last slot given up, if any
 * @param failedReason why
 * @param versions the distribution version in each written slot
 */
public record BootState(String good, Optional<String> trial, int tries, int maxTries, Optional<String> failed,
                        String failedReason, Map<String, String> versions) {

    public static final String FACTORY = "factory";
    public static final String A = "a";
    public static final String B = "b";

    public BootState {
        if (!isSlot(good)) {
            throw new IllegalArgumentException("good slot must be factory, a or b: " + good);
        }
        Objects.requireNonNull(trial, "trial");
        if (trial.isPresent() && !(trial.get().equals(A) || trial.get().equals(B))) {
            throw new IllegalArgumentException("trial slot must be a or b: " + trial.get());
        }
        if (trial.isPresent() && trial.get().equals(good)) {
            throw new IllegalArgumentException("the trial slot cannot be the good slot");
        }
        if (tries < 0 || maxTries < 1) {
            throw new IllegalArgumentException("tries >= 0 and maxTries >= 1");
        }
        Objects.requireNonNull(failed, "failed");
        failedReason = failedReason == null ? "" : failedReason;
        versions = Map.copyOf(new TreeMap<>(versions));
    }

    /** Before any firmware update: the factory distribution, nothing on trial. */
    public static BootState initial() {
        return new BootState(FACTORY, Optional.empty(), 0, 1, Optional.empty(), "", Map.of());
    }

    static boolean isSlot(String s) {
        return FACTORY.equals(s) || A.equals(s) || B.equals(s);
    }

    /** Where a new firmware is written: the one of a/b that is not good (a when factory is good). */
    public String stagingSlot() {
        return good.equals(A) ? B : A;
    }

    /** The state after a new firmware was written to {@code slot}: it is on trial, untried. */
    public BootState withTrial(String slot, String version, int maxTries) {
        if (!slot.equals(stagingSlot())) {
            throw new IllegalArgumentException("firmware goes to slot " + stagingSlot() + ", not " + slot);
        }
        Map<String, String> v = new TreeMap<>(versions);
        v.put(slot, version);
        return new BootState(good, Optional.of(slot), 0, maxTries, failed, failedReason, v);
    }

    /** What to boot now, and the state to write before booting it. */
    public Decision boot() {
        if (trial.isPresent()) {
            String t = trial.get();
            if (tries < maxTries) {
                return new Decision(t, true, new BootState(good, trial, tries + 1, maxTries, failed, failedReason, versions));
            }
            String reason = "not marked good after " + tries + " boot" + (tries == 1 ? "" : "s");
            return new Decision(good, false, new BootState(good, Optional.empty(), 0, maxTries, trial, reason, versions));
        }
        return new Decision(good, false, this);
    }

    /** The trial passed its health check: it becomes the good slot. */
    public BootState markGood() {
        String t = trial.orElseThrow(() -> new IllegalStateException("no firmware slot is on trial"));
        return new BootState(t, Optional.empty(), 0, maxTries, failed, failedReason, versions);
    }

    /** Gives up the trial at once (its health check failed), so the next start boots the good slot. */
    public BootState giveUp(String reason) {
        String t = trial.orElseThrow(() -> new IllegalStateException("no firmware slot is on trial"));
        return new BootState(good, Optional.empty(), 0, maxTries, Optional.of(t), reason, versions);
    }

    /** The version in a slot ({@code factory} has none recorded). */
    public Optional<String> version(String slot) {
        return Optional.ofNullable(versions.get(slot));
    }

    /**
     * A boot decision.
     *
     * @param slot the slot to boot
     * @param trial whether it boots on trial (to be marked good after its health check)
     * @param next the state to write before booting
     */
    public record Decision(String slot, boolean trial, BootState next) {
    }
}
