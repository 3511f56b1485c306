package dev.twinning.common.paging;

import java.util.Set;

/** Paging of lists that always come newest first (revisions, the trash): no sort to choose. */
public class NewestFirstQuery extends ListQuery {

    @Override
    public String sort() {
        return null;
    }

    @Override
    protected Set<String> sortFields() {
        return Set.of();
    }
}
