package io.labgate.common.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list: `{items, total, page, size}`. */
public record PageResponse<T>(List<T> items, long total, int page, int size) {

    public <R> PageResponse<R> map(Function<T, R> mapper) {
        return new PageResponse<>(items.stream().map(mapper).toList(), total, page, size);
    }
}
