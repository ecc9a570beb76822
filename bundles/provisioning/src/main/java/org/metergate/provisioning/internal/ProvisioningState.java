package org.metergate.provisioning.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What provisioning has committed: the units in install order, the highest sequence number accepted
 * per package id (never lowered, so an old package stays refused after a rollback), and the
 * transaction that produced this state.
 */
record ProvisioningState(List<UnitRecord> units, Map<String, Long> sequences, long transaction) {

    ProvisioningState {
        units = List.copyOf(units);
        sequences = Map.copyOf(sequences);
    }

    static ProvisioningState empty() {
        return new ProvisioningState(List.of(), Map.of(), 0);
    }

    Optional<UnitRecord> unit(String id) {
        return units.stream().filter(u -> u.id().equals(id)).findFirst();
    }

    OptionalLong lastSequence(String id) {
        Long s = sequences.get(id);
        return s == null ? OptionalLong.empty() : OptionalLong.of(s);
    }

    /** This state with {@code unit} installed: replacing the unit of that id in place, or appended. */
    ProvisioningState with(UnitRecord unit, long tx) {
        List<UnitRecord> list = new ArrayList<>();
        boolean replaced = false;
        for (UnitRecord u : units) {
            if (u.id().equals(unit.id())) {
                list.add(unit);
                replaced = true;
            } else {
                list.add(u);
            }
        }
        if (!replaced) {
            list.add(unit);
        }
        return new ProvisioningState(list, withSequence(unit.id(), unit.sequence()), tx);
    }

    /** This state without the unit {@code id}. */
    ProvisioningState without(String id, long tx) {
        return new ProvisioningState(units.stream().filter(u -> !u.id().equals(id)).toList(), sequences, tx);
    }

    /** Records a sequence number accepted (firmware, which has no unit here). */
    ProvisioningState withAccepted(String id, long sequence, long tx) {
        return new ProvisioningState(units, withSequence(id, sequence), tx);
    }

    private Map<String, Long> withSequence(String id, long sequence) {
        Map<String, Long> s = new LinkedHashMap<>(sequences);
        s.merge(id, sequence, Math::max);
        return s;
    }
}
