import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
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
