package org.mscmeta.ctgov;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of a record's adverse-event groups ({@code EG000} in JSON, {@code E1} in legacy XML), as its counts name
 * them. A group without an id, two groups of one id, or a count naming no group of the record is refused, naming the
 * place: the counts could not be given to their group, and would be lost or summed into another's.
 */
final class GroupIds {

    private final String file;
    /** Each id, with the place of its group. */
    private final Map<String, String> groups = new LinkedHashMap<>();

    GroupIds(String file) {
        this.file = file;
    }

    /**
     * The id of the group at {@code group} ({@code id} as read, null when it has none), whose id stands at
     * {@code place} ("JSON path .../eventGroups/1/id").
     */
    String group(String id, String group, String place) throws CtgovInputException {
        if (id == null) {
            throw new CtgovInputException(file, place, "expected the group's id, which its counts name; the group"
                    + " has none, so no count can be told to be its");
        }
        String other = groups.putIfAbsent(id, group);
        if (other != null) {
            throw new CtgovInputException(file, place, "expected an id of this group's own, but the group at " + other
                    + " has the id " + id + " too, so the counts of the two cannot be told apart");
        }
        return id;
    }

    /** The group a count belongs to: {@code id} as read at {@code place}, one of the groups' ids. */
    String count(String id, String place) throws CtgovInputException {
        if (id == null || !groups.containsKey(id)) {
            throw new CtgovInputException(file, place, "expected the id of one of the record's adverse-event groups ("
                    + (groups.isEmpty() ? "it lists none" : String.join(", ", groups.keySet())) + ")" + (id == null
                    ? ", which these counts do not give, so they belong to no group" : ", got " + id));
        }
        return id;
    }
}
