package dev.twinning.webhook;

import java.util.ArrayList;
import java.util.List;

import dev.twinning.common.error.InputErrors;

/**
 * The event types webhooks announce, {@code {collection}.{action}}, and the filters an endpoint subscribes
 * with: an exact type, a collection's wildcard ({@code page.*}) or {@code *}.
 */
public final class EventTypes {

    public static final List<String> COLLECTIONS = List.of("city", "agreement", "signatory", "page", "media");
    public static final List<String> ACTIONS = List.of("created", "updated", "published", "unpublished", "deleted",
            "restored");
    /** Sent only by {@code POST /api/v1/webhooks/{id}/ping}, whatever the endpoint subscribes to. */
    public static final String PING = "webhook.ping";
    static final int MAX_FILTERS = 50;

    private EventTypes() {
    }

    /** The filters that match {@code type}: what an endpoint's {@code events} must contain one of. */
    static String[] filtersMatching(String type) {
        return new String[]{type, type.substring(0, type.indexOf('.')) + ".*", "*"};
    }

    /** Checks an endpoint's filters, naming each bad one as {@code events[i]}; the list without repeats. */
    static List<String> validate(List<String> events, InputErrors errors) {
        if (events == null || events.isEmpty()) {
            errors.add("events", "must name at least one event type, such as page.published, page.* or *");
            return List.of();
        }
        if (events.size() > MAX_FILTERS) {
            errors.add("events", "must name at most " + MAX_FILTERS + " event types");
            return List.of();
        }
        List<String> valid = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String filter = events.get(i);
            if (!isFilter(filter)) {
                errors.add("events[" + i + "]", "is not an event type: use *, {collection}.* or {collection}.{action}"
                        + " with a collection of " + COLLECTIONS + " and an action of " + ACTIONS);
            } else if (!valid.contains(filter)) {
                valid.add(filter);
            }
        }
        return valid;
    }

    private static boolean isFilter(String filter) {
        if (filter == null) {
            return false;
        }
        if (filter.equals("*")) {
            return true;
        }
        int dot = filter.indexOf('.');
        if (dot < 0) {
            return false;
        }
        String collection = filter.substring(0, dot);
        String action = filter.substring(dot + 1);
        return COLLECTIONS.contains(collection) && (action.equals("*") || ACTIONS.contains(action));
    }
}
