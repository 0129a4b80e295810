import { Anchor, type AnchorProps, Button, type ButtonProps, NavLink, type NavLinkProps } from "@mantine/core";
import { createLink, type LinkComponent } from "@tanstack/react-router";
import { forwardRef, type AnchorHTMLAttributes } from "react";

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
