import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from "@mantine/core";
import { createLink, useRouter, type LinkComponent } from "@tanstack/react-router";
import { forwardRef, type AnchorHTMLAttributes, type MouseEvent } from "react";

/** Mantine components rendered as router links (typed `to`/`params`/`search`). */

type AnchorBaseProps = Omit<AnchorProps, "href"> & AnchorHTMLAttributes<HTMLAnchorElement>;
const AnchorBase = forwardRef<HTMLAnchorElement, AnchorBaseProps>((props, ref) => <Anchor ref={ref} {...props} />);
AnchorBase.displayName = "AnchorBase";
const CreatedAnchor = createLink(AnchorBase);
export const AnchorLink: LinkComponent<typeof AnchorBase> = (props) => <CreatedAnchor preload="intent" {...props} />;

type ButtonBaseProps = Omit<ButtonProps, "href"> & AnchorHTMLAttributes<HTMLAnchorElement>;
const ButtonBase = forwardRef<HTMLAnchorElement, ButtonBaseProps>((props, ref) => (
  <Button ref={ref} component="a" {...props} />
));
ButtonBase.displayName = "ButtonBase";
const CreatedButton = createLink(ButtonBase);
export const ButtonLink: LinkComponent<typeof ButtonBase> = (props) => <CreatedButton preload="intent" {...props} />;

type NavLinkBaseProps = Omit<NavLinkProps, "href"> & AnchorHTMLAttributes<HTMLAnchorElement>;
const NavLinkBase = forwardRef<HTMLAnchorElement, NavLinkBaseProps>((props, ref) => (
  <NavLink ref={ref} component="a" {...props} />
));
NavLinkBase.displayName = "NavLinkBase";
const CreatedNavLink = createLink(NavLinkBase);
export const NavLinkLink: LinkComponent<typeof NavLinkBase> = (props) => <CreatedNavLink preload="intent" {...props} />;

/**
 * A link to an address the server gave as text ("/kommun/0180?flik=dialog"), e.g. from the watch list:
 * a real link (opens in a new tab with Ctrl/middle click), navigated within the app on a plain click.
 */
export const PathLink = forwardRef<HTMLAnchorElement, AnchorBaseProps & { href: string }>(
  ({ href, onClick, ...props }, ref) => {
    const router = useRouter();
    return (
      <Anchor
        ref={ref}
        href={href}
        onClick={(e: MouseEvent<HTMLAnchorElement>) => {
          onClick?.(e);
          if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
          if (!href.startsWith("/")) return;
          e.preventDefault();
          router.history.push(href);
        }}
        {...props}
      />
    );
  },
);
PathLink.displayName = "PathLink";
