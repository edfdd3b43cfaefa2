package io.labgate.alerts;

import io.labgate.common.paging.PageRequest;
import io.labgate.common.paging.PageResponse;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.List;

/** The delivery log the super-admin reads. */
@ApplicationScoped
public class AlertDeliveryService {

    private final AlertDeliveryRepository repository;

    AlertDeliveryService(AlertDeliveryRepository repository) {
        this.repository = repository;
    }

    @Transactional
    public PageResponse<AlertDeliveryView> list(Long channelId, String status, PageRequest page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (channelId != null) {
            where.append(" and channel.id = :channel");
            params.and("channel", channelId);
        }
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        PanacheQuery<AlertDelivery> query = repository.find(where.toString(),
                Sort.descending("createdAt", "id"), params).page(page.page, page.size);
        return new PageResponse<>(query.list().stream().map(AlertDeliveryView::of).toList(), query.count(),
                page.page, page.size);
    }

    @Transactional
    public List<AlertDeliveryView> views(Collection<Long> ids) {
        return repository.list("id in ?1", Sort.ascending("id"), ids).stream().map(AlertDeliveryView::of).toList();
    }
}
