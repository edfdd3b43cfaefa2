import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '@/testing/render';

describe('header menu', () => {
  it('opens from its button, moves focus into it, and Escape closes it and returns focus', async () => {
    renderApp('/me', { as: 'researcher' });
    const toggle = await screen.findByRole('button', { name: /메뉴/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('link', { name: '내 AI' })).toHaveFocus();
    await userEvent.keyboard('{Escape}');
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(toggle).toHaveFocus();
  });

  it('closes when a link is followed', async () => {
    renderApp('/me', { as: 'researcher' });
    const toggle = await screen.findByRole('button', { name: /메뉴/ });
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('link', { name: '프롬프트 로그' }));
    expect(await screen.findByRole('heading', { name: '프롬프트 로그' })).toBeInTheDocument();
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
  });
});

describe('the super-admin\'s links', () => {
  it('lead, through one link, to the platform settings, whose tabs lead to model prices and the audit log', async () => {
    renderApp('/admin/plans', { as: 'admin' });
    await userEvent.click(await screen.findByRole('link', { name: '플랫폼 설정' }));
    expect(await screen.findByRole('heading', { level: 1, name: '플랫폼 설정' })).toBeInTheDocument();
    const tabs = screen.getByRole('navigation', { name: '플랫폼 설정' });
    await userEvent.click(within(tabs).getByRole('link', { name: '모델 가격' }));
    expect(await screen.findByRole('heading', { level: 1, name: '모델 가격' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '플랫폼 설정' })).toHaveClass('active');
    await userEvent.click(within(screen.getByRole('navigation', { name: '플랫폼 설정' })).getByRole('link', { name: '감사 로그' }));
    expect(await screen.findByRole('heading', { level: 1, name: '감사 로그' })).toBeInTheDocument();
  });

  it('are not offered to a researcher, whom the routes send home', async () => {
    renderApp('/admin/audit', { as: 'researcher' });
    expect(await screen.findByRole('heading', { level: 1, name: '내 AI 작업 공간' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '감사 로그' })).not.toBeInTheDocument();
  });
});
